using System.Buffers.Binary;
using System.Text;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>The kinds of render tree frame, numbered as the server writes them (Web.JS <c>RenderBatch.ts</c>).</summary>
public enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    Markup = 8,
    NamedEvent = 10,
}

/// <summary>The kinds of edit in a component's diff, numbered as the server writes them.</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>
/// One frame, with only the fields its type uses: <see cref="Name"/> is an element's or attribute's name,
/// <see cref="Value"/> a text, markup or attribute value.
/// </summary>
public readonly record struct RenderFrame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId)
{
    /// <summary>How many frames below this one belong to it (skipped when walking siblings).</summary>
    public int DescendantCount => Type is FrameType.Element or FrameType.Component or FrameType.Region ? SubtreeLength - 1 : 0;
}

/// <summary><see cref="FrameIndex"/> is the reference frame of inserts and updates, or the target sibling of a permutation entry.</summary>
public readonly record struct RenderEdit(EditType Type, int SiblingIndex, int FrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<RenderEdit> Edits);

public sealed record RenderBatch(
    IReadOnlyList<ComponentDiff> UpdatedComponents,
    IReadOnlyList<RenderFrame> ReferenceFrames,
    IReadOnlyList<int> DisposedComponentIds,
    IReadOnlyList<ulong> DisposedEventHandlerIds);

/// <summary>
/// Reads the binary render batch the server sends to a Blazor Server client (<c>RenderBatchWriter</c>; read in the
/// browser by Web.JS <c>OutOfProcessRenderBatch.ts</c>). Little-endian int32s throughout; the last five give the
/// positions of the updated components, reference frames, disposed component ids, disposed event handler ids and
/// the string table. Strings are indexes into that table (-1 for null), each a LEB128 length and UTF-8 bytes.
/// </summary>
public static class RenderBatchReader
{
    private const int FrameLength = 20;
    private const int EditLength = 16;

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var end = data.Length;
        var strings = new StringTable(data, Int(data, end - 4));

        var updatedAt = Int(data, end - 20);
        var diffs = new ComponentDiff[Int(data, updatedAt)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var diffAt = Int(data, updatedAt + 4 + i * 4);
            var edits = new RenderEdit[Int(data, diffAt + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var at = diffAt + 8 + e * EditLength;
                var type = (EditType)Int(data, at);
                edits[e] = new RenderEdit(type, Int(data, at + 4), Int(data, at + 8),
                    type == EditType.RemoveAttribute ? strings.Read(Int(data, at + 12)) : null);
            }

            diffs[i] = new ComponentDiff(Int(data, diffAt), edits);
        }

        var framesAt = Int(data, end - 16);
        var frames = new RenderFrame[Int(data, framesAt)];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = ReadFrame(data, framesAt + 4 + i * FrameLength, strings);
        }

        var disposedComponentsAt = Int(data, end - 12);
        var disposedComponents = new int[Int(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsAt + 4 + i * 4);
        }

        var disposedHandlersAt = Int(data, end - 8);
        var disposedHandlers = new ulong[Int(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersAt + 4 + i * 8)..]);
        }

        return new RenderBatch(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static RenderFrame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var type = (FrameType)Int(data, at);
        return type switch
        {
            FrameType.Element => new RenderFrame(type, Int(data, at + 4), 0, strings.Read(Int(data, at + 8)), null, 0),
            FrameType.Text or FrameType.Markup => new RenderFrame(type, 1, 0, null, strings.Read(Int(data, at + 4)), 0),
            FrameType.Attribute => new RenderFrame(type, 1, 0, strings.Read(Int(data, at + 4)), strings.Read(Int(data, at + 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new RenderFrame(type, Int(data, at + 4), Int(data, at + 8), null, null, 0),
            FrameType.Region => new RenderFrame(type, Int(data, at + 4), 0, null, null, 0),
            FrameType.ElementReferenceCapture => new RenderFrame(type, 1, 0, null, strings.Read(Int(data, at + 4)), 0),
            // Others (component reference captures, render modes) only sit inside component frames; the browser skips them too.
            _ => new RenderFrame(type, 1, 0, null, null, 0),
        };
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>Decodes strings on demand: a batch may carry a table of hundreds of which a diff reads a few.</summary>
    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int tableAt)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public string? Read(int index)
        {
            if (index == -1)
            {
                return null;
            }

            var at = Int(_data, tableAt + index * 4);
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _data[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return Encoding.UTF8.GetString(_data.Slice(at, length));
        }
    }
}
