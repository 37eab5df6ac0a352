using System.Text;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The draft answer (nl/en): what was done per record, what was exempted and on what ground, and the right to complain.</summary>
public static class ReplyDraft
{
    public static string Compose(SubjectRequest request, IReadOnlyList<RequestDecision> decisions)
    {
        var language = request.Language;
        string T(string key, params object[] args) => AccessReportTexts.Get(language, "Reply." + key, args);

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
        // The static registry: this pure text composer is also called by the demo seeder, where there is no container.
        if (decisions.Any(d => PersonRegistry.Default[d.Category].IsDisclosed && (d.Action != DecisionAction.Exempt || d.RestrictInstead)))
        {
            text.AppendLine(T("Notified"));
        }

        text.AppendLine().AppendLine(T("Complaint")).AppendLine();
        text.AppendLine(T("Closing")).Append(AccessReportTexts.Get(language, "ControllerContact"));
        return text.ToString();
    }
}
