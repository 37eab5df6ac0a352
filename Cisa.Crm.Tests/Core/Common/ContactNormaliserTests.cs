using Cisa.Crm.Core.Common;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Common;

/// <summary>The one normaliser the suppression list, the duplicate checks and the searches compare with (issue 18).</summary>
public sealed class ContactNormaliserTests
{
    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public void DSR_OBJECT_an_email_with_an_invisible_or_full_width_character_normalises_to_the_plain_address(string email)
    {
        Assert.Equal("jan.peeters@firma.be", ContactNormaliser.NormaliseEmail(email));
    }

    [Theory]
    [InlineData("jan@bücher.example")]
    [InlineData("jan@xn--bcher-kva.example")]
    [InlineData("JAN@BÜCHER.EXAMPLE")]
    [InlineData("jan@bu\u0308cher.example")]
    public void DSR_OBJECT_an_international_domain_has_one_spelling_whether_typed_in_unicode_or_punycode(string email)
    {
        Assert.Equal("jan@bücher.example", ContactNormaliser.NormaliseEmail(email));
    }

    [Theory]
    [InlineData("jan\0@firma.be")]
    [InlineData("jan\u0001.peeters@firma.be")]
    public void An_email_with_a_control_character_is_not_an_address(string email)
    {
        Assert.Null(ContactNormaliser.NormaliseEmail(email));
    }

    [Theory]
    [MemberData(nameof(HostileText.LoneSurrogateNames), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public void An_email_with_a_broken_character_is_not_an_address(string name)
    {
        Assert.Null(ContactNormaliser.NormaliseEmail(name + "@firma.be"));
    }

    [Theory]
    [InlineData("014\u200B 85 37 97")]
    [InlineData("\uFEFF+32 14 85 37 97")]
    public void DSR_OBJECT_a_phone_number_with_an_invisible_character_normalises_to_its_e164_form(string phone)
    {
        Assert.Equal("+3214853797", ContactNormaliser.NormalisePhone(phone));
    }

    [Theory]
    [MemberData(nameof(HostileText.LoneSurrogateNames), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public void A_lone_surrogate_in_a_name_gives_a_search_key_instead_of_throwing(string name)
    {
        var key = ContactNormaliser.SearchKey(name);

        Assert.StartsWith(name.Length > 1 ? "pee" : "\uFFFD", key, StringComparison.Ordinal);
        Assert.Equal(-1, ContactNormaliser.IndexOfLoneSurrogate(key));
    }

    [Theory]
    [InlineData("Pee\u200Bters")]
    [InlineData("\uFEFFPeeters")]
    [InlineData("Pee\u00ADters\u200D")]
    [InlineData("Geërts\u200B")]
    public void The_search_key_leaves_out_invisible_format_characters(string name)
    {
        Assert.Equal(name.StartsWith('G') ? "geerts" : "peeters", ContactNormaliser.SearchKey(name));
    }
}
