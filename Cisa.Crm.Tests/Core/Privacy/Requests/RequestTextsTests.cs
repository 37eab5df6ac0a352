using System.Xml.Linq;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>
/// The access report's and the reply's wording is one resource file per language: each language file must hold every
/// text of the English one, or a requester would read an English sentence in a Dutch reply (ResourceManager falls back).
/// </summary>
public sealed class RequestTextsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Core", "Privacy", "Requests", "Texts");

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [Fact]
    public void DSR_ACCESS_every_language_file_has_every_text_and_no_empty_one()
    {
        var english = Texts("RequestTexts.resx");
        var languages = Directory.GetFiles(Folder, "RequestTexts.*.resx").Select(Path.GetFileName).ToList();

        Assert.NotEmpty(languages);
        Assert.Empty(english.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        foreach (var file in languages)
        {
            var translated = Texts(file!);
            Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{file}: {k} missing"));
            Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{file}: {k} unknown"));
            Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{file}: {t.Key} empty"));
        }
    }
}
