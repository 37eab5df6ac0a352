namespace Cisa.Crm.Web.Setup;

/// <summary>The <c>Crm</c> configuration section.</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>Fill an empty database with invented demo companies on start (on in Development).</summary>
    public bool SeedDemoData { get; set; }
}
