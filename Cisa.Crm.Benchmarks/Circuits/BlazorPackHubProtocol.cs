using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>
/// The hub protocol Blazor's own client speaks: SignalR's MessagePack protocol under the name "blazorpack" (the
/// browser renames its MessagePackHubProtocol the same way in Web.JS <c>CircuitManager.startConnection</c>). Render
/// batches arrive as MessagePack binary. The component hub accepts nothing else: a JSON client's handshake is refused
/// ("The protocol 'json' is not supported").
/// </summary>
public sealed class BlazorPackHubProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _messagePack = new();

    public string Name => "blazorpack";

    public int Version => _messagePack.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _messagePack.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _messagePack.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
}
