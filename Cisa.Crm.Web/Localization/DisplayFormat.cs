using System.Globalization;
using Cisa.Crm.Core.Time;

namespace Cisa.Crm.Web.Localization;

/// <summary>Stored instants are UTC; people read them in Brussels time, in their own language's format.</summary>
public static class DisplayFormat
{
    public static string DateTime(System.DateTime utc) =>
        BrusselsTime.FromUtc(utc).ToString("g", CultureInfo.CurrentCulture);

    public static string DateTimeWithSeconds(System.DateTime utc) =>
        BrusselsTime.FromUtc(utc).ToString("G", CultureInfo.CurrentCulture);

    public static string Date(System.DateTime utc) =>
        BrusselsTime.FromUtc(utc).ToString("d", CultureInfo.CurrentCulture);
}
