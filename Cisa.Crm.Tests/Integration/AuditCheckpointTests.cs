using System.Net;
using System.Text.Json;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>The audit trail's signed checkpoint through the running app (LOG-ACTIONS), and the anchor's setting on start.</summary>
public sealed class AuditCheckpointTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task LOG_ACTIONS_the_privacy_officer_downloads_a_signed_checkpoint_of_the_trails_end()
    {
        var response = await app.Factory.GetAsAsync("demo-privacy", "/audit/checkpoint.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var count = json.RootElement.GetProperty("count").GetInt64();
        var lastHash = json.RootElement.GetProperty("lastHash").GetString();
        Assert.Equal(64, json.RootElement.GetProperty("mac").GetString()!.Length);
        Assert.True(json.RootElement.TryGetProperty("createdAtUtc", out _));
        var entry = await app.Factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Id == count));
        Assert.Equal((AuditActions.AuditCheckpointExported, "demo-privacy", lastHash), (entry.Action, entry.ActorId, entry.Hash));
    }

    [Theory]
    [InlineData("demo-sales")]
    [InlineData("demo-hr")]
    [InlineData("demo-norole")]
    public async Task LOG_ACTIONS_only_the_privacy_officer_exports_a_checkpoint(string demoUserId)
    {
        var response = await app.Factory.GetAsAsync(demoUserId, "/audit/checkpoint.json");

        response.AssertRedirectedTo("/access-denied");
        Assert.False(await app.Factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AuditCheckpointExported && e.ActorId == demoUserId)));
    }

    [Fact]
    public async Task In_production_without_the_audit_anchor_setting_the_app_refuses_to_start_and_names_it()
    {
        await using var factory = new CrmAppFactory
        {
            Environment = "Production",
            Entra = true,
            Settings = new Dictionary<string, string>
            {
                ["Crm:Audit:Key"] = new string('a', 40),
                ["Crm:Suppression:Key"] = new string('s', 40),
                ["Crm:Audit:AnchorPath"] = "",
            },
        };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Crm:Audit:AnchorPath", failure.GetBaseException().Message, StringComparison.Ordinal);
    }
}
