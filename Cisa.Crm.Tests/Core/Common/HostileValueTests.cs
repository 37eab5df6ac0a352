using Cisa.Crm.Core.Common;

namespace Cisa.Crm.Tests.Core.Common;

/// <summary>The value bounds every feature shares (issue 18, defect 6): e-mail syntax, country codes and the date windows.</summary>
public sealed class HostileValueTests
{
    [Theory]
    [InlineData("x@[127.0.0.1]")]
    [InlineData("x@[IPv6:::1]")]
    [InlineData("a@-b.example")]
    [InlineData("a@b-.example")]
    [InlineData("a@firma.-be")]
    [InlineData("a@firma.be-")]
    [InlineData("a@firma.123")]
    [InlineData("a@fir_ma.be")]
    public void An_email_address_with_an_IP_literal_or_a_malformed_domain_label_is_not_an_address(string typed)
    {
        Assert.Null(ContactNormaliser.NormaliseEmail(typed));
    }

    [Theory]
    [InlineData("jan@firma-x.be")]
    [InlineData("jan.peeters@mail.kempen-ict.be")]
    [InlineData("j@1st-class.be")]
    public void An_email_address_with_hyphens_inside_its_labels_stays_an_address(string typed)
    {
        Assert.Equal(typed, ContactNormaliser.NormaliseEmail(typed));
    }
}
