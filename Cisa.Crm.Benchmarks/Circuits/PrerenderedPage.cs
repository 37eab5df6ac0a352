using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it opens a circuit: the interactive server components'
/// markers (<c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>, Web.JS <c>ComponentDescriptorDiscovery.ts</c>) and the
/// protected persisted component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        var uniqueId = 0;
        foreach (Match match in MarkerComment().Matches(html))
        {
            var marker = JsonNode.Parse(match.Groups["json"].Value)!.AsObject();
            if (!marker.ContainsKey("type"))
            {
                continue; // an end marker: {"prerenderId":…}
            }

            // The browser numbers every descriptor it discovers and sends the number with the marker.
            marker["uniqueId"] = uniqueId++;
            if ((string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = ServerStateComment().Match(html);
        return new PrerenderedPage(markers.OrderBy(m => (int)m["sequence"]!).ToList(), state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first UpdateRootComponents message of Web.JS <c>WebRootComponentManager.refreshRootComponents</c>: one "add"
    /// per marker, numbered from 1 in document order.
    /// </summary>
    public string AddOperationsJson(int batchId) =>
        new JsonObject
        {
            ["batchId"] = batchId,
            ["operations"] = new JsonArray(ServerMarkers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker.DeepClone(),
            }).ToArray()),
        }.ToJsonString();

    /// <summary>The fields of the form that holds the element with this id: hidden inputs, and the button's own name and value.</summary>
    public static (string Action, Dictionary<string, string> Fields) FormOfButton(string html, string buttonId)
    {
        foreach (Match form in Form().Matches(html))
        {
            var body = form.Groups["body"].Value;
            var button = Tag().Matches(body).Select(t => Attributes(t.Value)).FirstOrDefault(a => a.GetValueOrDefault("id") == buttonId);
            if (button is null)
            {
                continue;
            }

            var fields = Tag().Matches(body).Select(t => Attributes(t.Value))
                .Where(a => a.GetValueOrDefault("type") == "hidden" && a.ContainsKey("name"))
                .ToDictionary(a => a["name"], a => a.GetValueOrDefault("value") ?? "");
            if (button.TryGetValue("name", out var name))
            {
                fields[name] = button.GetValueOrDefault("value") ?? "";
            }

            return (Attributes(form.Groups["open"].Value).GetValueOrDefault("action") ?? "", fields);
        }

        throw new InvalidOperationException($"No form with a #{buttonId} on the page.");
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"<!--\s*Blazor:[^{]*(?<json>\{.*?\})\s*-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)\s*-->")]
    private static partial Regex ServerStateComment();

    [GeneratedRegex(@"(?<open><form\b[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"<(input|button)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[\w-]+)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();
}
