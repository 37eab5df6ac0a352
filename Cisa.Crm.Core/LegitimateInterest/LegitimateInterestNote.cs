using Cisa.Crm.Core.Data.Bookkeeping;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.LegitimateInterest;

/// <summary>
/// LI-NOTE: the line on why one person fits the assessment, signed by who wrote it and when. One EF complex type
/// shared by prospects and applicants, mapped onto each table's existing columns (<see cref="Map"/>), so the schema
/// did not change when the four properties were grouped.
/// </summary>
public sealed class LegitimateInterestNote
{
    public string Text { get; set; } = "";

    [NotAnEdit]
    public string ById { get; set; } = "";

    [NotAnEdit]
    public string ByName { get; set; } = "";

    [NotAnEdit]
    public DateTime AtUtc { get; set; }

    /// <summary>A note as <paramref name="actor"/> writes it at <paramref name="atUtc"/>.</summary>
    public static LegitimateInterestNote Written(string text, CrmActor actor, DateTime atUtc) =>
        new() { Text = text, ById = actor.Id, ByName = actor.DisplayName, AtUtc = atUtc };

    /// <summary>A changed note or assessment is signed anew: the note records who chose it and when.</summary>
    public void Sign(CrmActor actor, DateTime atUtc)
    {
        ById = actor.Id;
        ByName = actor.DisplayName;
        AtUtc = atUtc;
    }

    /// <summary>The columns the note had as four properties of its record, kept by name.</summary>
    internal static void Map(ComplexPropertyBuilder<LegitimateInterestNote> note)
    {
        note.Property(n => n.Text).HasColumnName("LegitimateInterestNote").HasMaxLength(AssessmentLimits.PersonNote).IsRequired();
        note.Property(n => n.ById).HasColumnName("LegitimateInterestNoteById").HasMaxLength(128).IsRequired();
        note.Property(n => n.ByName).HasColumnName("LegitimateInterestNoteByName").HasMaxLength(200).IsRequired();
        note.Property(n => n.AtUtc).HasColumnName("LegitimateInterestNoteAtUtc");
    }
}
