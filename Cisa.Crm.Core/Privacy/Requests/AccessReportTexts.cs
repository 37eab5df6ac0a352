namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// The fixed wording of the access report and the reply, in Dutch and English. Kept in the core (not the
/// UI's resources) because it is the firm's statement to the person, in the person's language, whatever
/// language the privacy officer works in.
/// </summary>
internal static class AccessReportTexts
{

    private static readonly Dictionary<string, (string Nl, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["Title"] = ("Overzicht van uw persoonsgegevens", "Overview of your personal data"),
        ["Intro"] = ("Op uw verzoek {0} van {1} vindt u hieronder alle persoonsgegevens die CISA over u bewaart in haar CRM, waarom, op welke grond, van waar ze komen, met wie ze gedeeld werden en hoe lang we ze bewaren (artikel 15 AVG).",
            "Following your request {0} of {1}, below are all the personal data CISA holds about you in its CRM, why, on what basis, where they came from, whom they were shared with and how long we keep them (Article 15 GDPR)."),
        ["NoRecords"] = ("We bewaren geen persoonsgegevens over u.", "We hold no personal data about you."),
        ["Category.Prospect"] = ("Prospect (contact in verband met onze ICT-diensten)", "Prospect (contact about our ICT services)"),
        ["Category.PartnerContact"] = ("Contactpersoon bij een klant of leverancier", "Contact person at a customer or supplier"),
        ["Category.Applicant"] = ("Sollicitant", "Job applicant"),
        ["Name"] = ("Naam", "Name"),
        ["JobTitle"] = ("Functie", "Job title"),
        ["Company"] = ("Bedrijf", "Company"),
        ["Email"] = ("E-mailadres", "E-mail address"),
        ["Phone"] = ("Telefoon", "Phone"),
        ["Mobile"] = ("Gsm", "Mobile"),
        ["Address"] = ("Adres", "Address"),
        ["Language"] = ("Voorkeurtaal", "Preferred language"),
        ["Notes"] = ("Notities", "Notes"),
        ["Restricted"] = ("Verwerking beperkt", "Processing restricted"),
        ["Yes"] = ("ja", "yes"),
        ["No"] = ("nee", "no"),
        ["None"] = ("geen", "none"),
        ["Purpose"] = ("Doel", "Purpose"),
        ["Purpose.Prospect"] = ("Het contact met u opvolgen, u bij een volgend gesprek gericht informeren en nieuwe klanten winnen.",
            "Following up our contact with you, giving you targeted information in a next call, and winning new customers."),
        ["Purpose.PartnerContact"] = ("Een vlotte samenwerking en het uitvoeren van de overeenkomsten met uw werkgever.",
            "Smooth cooperation and performing the agreements with your employer."),
        ["Purpose.Applicant"] = ("Lopende en toekomstige selectieprocedures waarvoor uw profiel in aanmerking komt.",
            "Current and future selection procedures your profile fits."),
        ["LawfulBasis"] = ("Rechtsgrond", "Lawful basis"),
        ["Basis.LegitimateInterest"] = ("Gerechtvaardigd belang (artikel 6.1.f AVG)", "Legitimate interest (Article 6(1)(f) GDPR)"),
        ["Basis.Contract"] = ("Uitvoering van de overeenkomst met uw werkgever", "Performance of the agreement with your employer"),
        ["LegitimateInterest"] = ("Ons gerechtvaardigd belang", "Our legitimate interest"),
        ["Source"] = ("Bron van de gegevens", "Source of the data"),
        ["Source.CompanyWebsite"] = ("de website van uw bedrijf", "your company's website"),
        ["Source.LinkedIn"] = ("LinkedIn", "LinkedIn"),
        ["Source.Referral"] = ("een doorverwijzing", "a referral"),
        ["Source.Event"] = ("een evenement", "an event"),
        ["Source.Inbound"] = ("uzelf (u nam contact met ons op)", "yourself (you contacted us)"),
        ["Source.Other"] = ("andere", "other"),
        ["Source.Partner"] = ("uzelf of uw werkgever, in het kader van de zakelijke relatie", "yourself or your employer, in the course of the business relationship"),
        ["Source.Spontaneous"] = ("uzelf (spontane sollicitatie)", "yourself (spontaneous application)"),
        ["Source.Vacancy"] = ("uzelf, als antwoord op de vacature {0}", "yourself, answering the vacancy {0}"),
        ["Source.RecruitmentAgency"] = ("het rekruteringsbureau {0}", "the recruitment agency {0}"),
        ["Recipients"] = ("Ontvangers", "Recipients"),
        ["Recipients.None"] = ("Uw gegevens werden met niemand gedeeld.", "Your data were not shared with anyone."),
        ["Retention"] = ("Bewaartermijn", "Retention period"),
        ["Retention.Prospect"] = ("{0} jaar na het laatste gesprek of de laatste wijziging; nu tot {1}.", "{0} years after the last call or update; currently until {1}."),
        ["Retention.PartnerActive"] = ("Zolang de relatie met uw werkgever loopt, daarna {0} jaar (Belgische boekhoudkundige bewaarplicht).",
            "While the relationship with your employer lasts, then {0} years (Belgian accounting retention)."),
        ["Retention.PartnerEnded"] = ("{0} jaar na het einde van de relatie met uw werkgever: tot {1}.", "{0} years after the relationship with your employer ended: until {1}."),
        ["Retention.ApplicantOpen"] = ("We bewaren uw cv {0} jaar en uw contactgegevens {1} jaar na het einde van de selectieprocedure; er loopt nog een procedure.",
            "We keep your CV for {0} years and your contact details for {1} years after the selection procedure ends; a procedure is still open."),
        ["ControllerContact"] = ("CISA bv, Oud-strijderslaan 13, 2200 Herentals, België — support@cisanet.be — +32 14 85 37 97",
            "CISA bv, Oud-strijderslaan 13, 2200 Herentals, Belgium — support@cisanet.be — +32 14 85 37 97"),
        ["Retention.ApplicantClosed"] = ("Uw cv tot {0}, uw contactgegevens tot {1}.", "Your CV until {0}, your contact details until {1}."),
        ["Calls"] = ("Telefoongesprekken", "Phone calls"),
        ["Col.When"] = ("Wanneer", "When"),
        ["Col.Outcome"] = ("Resultaat", "Outcome"),
        ["Col.Report"] = ("Verslag", "Report"),
        ["Disclosures"] = ("Gedeeld met onderaannemers", "Shared with subcontractors"),
        ["Col.Recipient"] = ("Ontvanger", "Recipient"),
        ["Col.Fields"] = ("Gegevens", "Data"),
        ["Col.Assignment"] = ("Opdracht", "Assignment"),
        ["Applications"] = ("Sollicitaties", "Applications"),
        ["Col.Procedure"] = ("Procedure", "Procedure"),
        ["Procedure.SpontaneousPool"] = ("Spontane sollicitaties", "Spontaneous applications"),
        ["Col.AppliedOn"] = ("Datum", "Date"),
        ["Col.EndedOn"] = ("Afgesloten", "Closed"),
        ["Cv"] = ("Cv", "CV"),
        ["Cv.Held"] = ("{0}, ontvangen op {1} (versleuteld bewaard; een kopie is op vraag beschikbaar)", "{0}, received on {1} (stored encrypted; a copy is available on request)"),
        ["Rights"] = ("Uw rechten", "Your rights"),
        ["Rights.Text"] = ("U kunt uw gegevens inzien, laten verbeteren of wissen, de verwerking laten beperken, en bezwaar maken tegen de verwerking en tegen het doorgeven aan derden. Bezwaar tegen prospectie volgt zonder meer. Stuur uw verzoek naar support@cisanet.be of per brief; we antwoorden binnen een maand.",
            "You may access your data, have them rectified or erased, have processing restricted, and object to processing and to transfer to third parties. An objection to prospecting is always honoured. Send your request to support@cisanet.be or by letter; we answer within one month."),
        ["Authority"] = ("Toezichthoudende autoriteit", "Supervisory authority"),
        ["Authority.Text"] = ("U hebt het recht klacht in te dienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel, www.gegevensbeschermingsautoriteit.be.",
            "You have the right to lodge a complaint with the Belgian Data Protection Authority (Gegevensbeschermingsautoriteit), Drukpersstraat 35, 1000 Brussels, www.dataprotectionauthority.be."),
        ["Controller"] = ("Verwerkingsverantwoordelijke", "Controller"),
        ["Categories"] = ("Categorieën van gegevens", "Categories of data"),
        ["PreferredLanguage.Dutch"] = ("Nederlands", "Dutch"),
        ["PreferredLanguage.French"] = ("Frans", "French"),
        ["PreferredLanguage.English"] = ("Engels", "English"),
        ["CallOutcome.Reached"] = ("bereikt", "reached"),
        ["CallOutcome.Voicemail"] = ("voicemail", "voicemail"),
        ["CallOutcome.NoAnswer"] = ("niet opgenomen", "no answer"),
        ["CallOutcome.WrongNumber"] = ("verkeerd nummer", "wrong number"),
        ["CallOutcome.NotInterested"] = ("geen interesse", "not interested"),
        ["CallOutcome.MeetingBooked"] = ("afspraak gemaakt", "meeting booked"),
        ["CallOutcome.CallBack"] = ("terugbellen", "call back"),
        ["ApplicationOutcome.Hired"] = ("aangeworven", "hired"),
        ["ApplicationOutcome.Rejected"] = ("afgewezen", "rejected"),
        ["ApplicationOutcome.Withdrawn"] = ("zelf teruggetrokken", "withdrew"),
        ["ApplicationOutcome.KeptForFuture"] = ("bewaard voor latere procedures", "kept for future procedures"),
        ["DisclosedField.FirstName"] = ("voornaam", "first name"),
        ["DisclosedField.LastName"] = ("familienaam", "last name"),
        ["DisclosedField.Phone"] = ("telefoon", "phone"),
        ["DisclosedField.Email"] = ("e-mailadres", "e-mail address"),
        ["DisclosedField.CustomerCompanyName"] = ("naam van het klantbedrijf", "customer's company name"),
        ["DisclosedField.JobFunction"] = ("functie", "job title"),
        ["DisclosedField.PostalAddress"] = ("postadres", "postal address"),
        ["DisclosedField.PreferredLanguage"] = ("voorkeurtaal", "preferred language"),
        ["DisclosedField.Notes"] = ("notities", "notes"),
    };

    public static string Get(ReplyLanguage language, string key, params object[] arguments) => Format(language, Texts[key], arguments);

    /// <summary>One text of a Dutch/English pair, with its arguments formatted the way that language writes them.</summary>
    public static string Format(ReplyLanguage language, (string Nl, string En) text, params object[] arguments)
    {
        var chosen = language == ReplyLanguage.Dutch ? text.Nl : text.En;
        return arguments.Length == 0 ? chosen : string.Format(Culture(language), chosen, arguments);
    }

    /// <summary>An enum value in words (<c>{Enum}.{Value}</c>); a value without a text shows as it is.</summary>
    public static string Name<TEnum>(ReplyLanguage language, TEnum value)
        where TEnum : struct, Enum
    {
        var key = $"{typeof(TEnum).Name}.{value}";
        return Texts.ContainsKey(key) ? Get(language, key) : value.ToString();
    }

    public static System.Globalization.CultureInfo Culture(ReplyLanguage language) =>
        System.Globalization.CultureInfo.GetCultureInfo(language == ReplyLanguage.Dutch ? "nl-BE" : "en-BE");

    public static string Date(ReplyLanguage language, DateOnly date) => date.ToString("d MMMM yyyy", Culture(language));
}
