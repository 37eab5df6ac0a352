namespace Cisa.Crm.Web;

/// <summary>Marker type for the UI texts in <c>Resources/SharedResource(.nl).resx</c> (English is the neutral language).</summary>
public sealed class SharedResource;
