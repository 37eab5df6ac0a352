using System.Text;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The draft answer (nl/en): what was done per record, what was exempted and on what ground, and the right to complain.</summary>
public static class ReplyDraft
{
    private static readonly Dictionary<string, (string Nl, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["Greeting"] = ("Beste {0},", "Dear {0},"),
        ["Received"] = ("Op {0} ontvingen we uw verzoek ({1}, referentie {2}).", "On {0} we received your request ({1}, reference {2})."),
        ["NothingHeld"] = ("We hebben in ons CRM geen gegevens over u gevonden.", "We found no data about you in our CRM."),
        ["Access"] = ("In bijlage vindt u een overzicht van alle gegevens die we over u bewaren, met het doel, de rechtsgrond, de bron, de ontvangers en de bewaartermijn.",
            "Attached is an overview of all the data we hold about you, with the purpose, the lawful basis, the source, the recipients and the retention period."),
        ["Erase"] = ("Uw gegevens als {0} zijn gewist.", "Your data as {0} have been erased."),
        ["EraseAndSuppress"] = ("Uw gegevens als {0} zijn gewist. We bewaren enkel een onomkeerbare code van uw e-mailadres en telefoonnummer, zodat we u niet opnieuw contacteren.",
            "Your data as {0} have been erased. We keep only an irreversible code of your e-mail address and phone number, so that we do not contact you again."),
        ["Rectify"] = ("Uw gegevens als {0} zijn verbeterd.", "Your data as {0} have been rectified."),
        ["Restrict"] = ("De verwerking van uw gegevens als {0} is beperkt: ze worden bewaard maar niet meer gebruikt.",
            "Processing of your data as {0} has been restricted: they are kept but no longer used."),
        ["Exempt"] = ("Uw gegevens als {0} kunnen we niet wissen: {1}.", "We cannot erase your data as {0}: {1}."),
        ["ExemptRestricted"] = ("Ze worden wel beperkt: bewaard, maar enkel nog voor die verplichting gebruikt.", "They are restricted instead: kept, but used only for that obligation."),
        ["Ground.CustomerContract"] = ("we moeten onze klanten onder contract kunnen contacteren", "we must be able to contact our customers under contract"),
        ["Ground.AccountingObligation"] = ("de Belgische boekhoudkundige bewaarplicht", "the Belgian accounting retention obligation"),
        ["Ground.LegalClaim"] = ("ze zijn nodig voor een rechtsvordering", "they are needed for a legal claim"),
        ["Notified"] = ("Wie uw gegevens van ons ontving, brengen we op de hoogte.", "We inform those who received your data from us."),
        ["Complaint"] = ("Bent u het niet eens met ons antwoord, dan kunt u klacht indienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel (www.gegevensbeschermingsautoriteit.be).",
            "If you disagree with our answer, you may lodge a complaint with the Belgian Data Protection Authority, Drukpersstraat 35, 1000 Brussels (www.dataprotectionauthority.be)."),
        ["Closing"] = ("Met vriendelijke groeten,", "Kind regards,"),
        ["Category.Prospect"] = ("prospect", "prospect"),
        ["Category.PartnerContact"] = ("contactpersoon van een klant of leverancier", "contact person of a customer or supplier"),
        ["Category.Applicant"] = ("sollicitant", "job applicant"),
        ["Right.Access"] = ("inzage", "access"),
        ["Right.Rectification"] = ("verbetering", "rectification"),
        ["Right.Erasure"] = ("wissing", "erasure"),
        ["Right.Restriction"] = ("beperking", "restriction"),
        ["Right.ObjectionToProcessing"] = ("bezwaar tegen de verwerking", "objection to processing"),
        ["Right.ObjectionToTransfer"] = ("bezwaar tegen doorgifte aan derden", "objection to transfer to third parties"),
    };

    public static string Compose(SubjectRequest request, IReadOnlyList<RequestDecision> decisions)
    {
        var language = request.Language;
        string T(string key, params object[] args) => AccessReportTexts.Format(language, Texts[key], args);

        var rights = Enum.GetValues<RequestedRights>().Where(r => r != RequestedRights.None && request.Rights.HasFlag(r)).Select(r => T("Right." + r));
        var text = new StringBuilder();
        text.AppendLine(T("Greeting", request.RequesterName)).AppendLine();
        text.AppendLine(T("Received", AccessReportTexts.Date(language, request.ReceivedOn), string.Join(", ", rights), request.Reference));
        if (decisions.Count == 0 && !request.Rights.HasFlag(RequestedRights.Access))
        {
            text.AppendLine(T("NothingHeld"));
        }

        if (request.Rights.HasFlag(RequestedRights.Access))
        {
            text.AppendLine(T("Access"));
        }

        foreach (var decision in decisions.OrderBy(d => d.Category))
        {
            var category = T("Category." + decision.Category);
            switch (decision.Action)
            {
                case DecisionAction.Exempt:
                    text.AppendLine(T("Exempt", category, decision.Ground == ExemptionGround.Other ? decision.GroundText ?? "" : T("Ground." + decision.Ground)));
                    if (decision.RestrictInstead)
                    {
                        text.AppendLine(T("ExemptRestricted"));
                    }

                    break;
                default:
                    text.AppendLine(T(decision.Action.ToString(), category));
                    break;
            }
        }

        // DSR-NOTIFY: recipients are told of a rectification, erasure or restriction, including a restriction instead of erasure.
        if (decisions.Any(d => PersonRegistry.Default[d.Category].IsDisclosed && (d.Action != DecisionAction.Exempt || d.RestrictInstead)))
        {
            text.AppendLine(T("Notified"));
        }

        text.AppendLine().AppendLine(T("Complaint")).AppendLine();
        text.AppendLine(T("Closing")).Append(AccessReportTexts.Get(language, "ControllerContact"));
        return text.ToString();
    }
}
