namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>Invented but plausible Flemish words for the generated data; people's names come from Bogus (nl_BE).</summary>
internal static class FlemishWords
{
    /// <summary>Real postcodes and towns with their telephone zone (the zone of Mechelen, 015, is left to the import file and the suppression list).</summary>
    public static readonly (string PostalCode, string City, string Zone)[] Places =
    [
        ("2200", "Herentals", "14"), ("2440", "Geel", "14"), ("2300", "Turnhout", "14"), ("2400", "Mol", "14"), ("2260", "Westerlo", "14"),
        ("2250", "Olen", "14"), ("2270", "Herenthout", "14"), ("2340", "Beerse", "14"), ("2230", "Herselt", "14"), ("2280", "Grobbendonk", "14"),
        ("2290", "Vorselaar", "14"), ("2360", "Oud-Turnhout", "14"), ("2380", "Ravels", "14"), ("2490", "Balen", "14"), ("2450", "Meerhout", "14"),
        ("2430", "Laakdal", "13"), ("3290", "Diest", "13"), ("2500", "Lier", "3"), ("2000", "Antwerpen", "3"), ("2100", "Deurne", "3"),
        ("2600", "Berchem", "3"), ("2640", "Mortsel", "3"), ("2900", "Schoten", "3"), ("2930", "Brasschaat", "3"), ("2960", "Brecht", "3"),
        ("2310", "Rijkevorsel", "3"), ("9100", "Sint-Niklaas", "3"), ("3000", "Leuven", "16"), ("3001", "Heverlee", "16"), ("3010", "Kessel-Lo", "16"),
        ("3020", "Herent", "16"), ("3200", "Aarschot", "16"), ("3300", "Tienen", "16"), ("3500", "Hasselt", "11"), ("3800", "Sint-Truiden", "11"),
        ("3900", "Pelt", "11"), ("3920", "Lommel", "11"), ("3600", "Genk", "89"), ("3700", "Tongeren", "12"), ("9000", "Gent", "9"),
        ("9050", "Gentbrugge", "9"), ("9800", "Deinze", "9"), ("9900", "Eeklo", "9"), ("9200", "Dendermonde", "52"), ("9300", "Aalst", "53"),
        ("9400", "Ninove", "54"), ("9700", "Oudenaarde", "55"), ("8000", "Brugge", "50"), ("8300", "Knokke-Heist", "50"), ("8400", "Oostende", "59"),
        ("8500", "Kortrijk", "56"), ("8800", "Roeselare", "51"), ("8600", "Diksmuide", "51"), ("8900", "Ieper", "57"), ("1000", "Brussel", "2"),
        ("1800", "Vilvoorde", "2"), ("1930", "Zaventem", "2"), ("1700", "Dilbeek", "2"), ("3080", "Tervuren", "2"), ("1500", "Halle", "2"),
    ];

    public static readonly string[] Streets =
    [
        "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat", "Kapelstraat", "Nijverheidsstraat",
        "Industrieweg", "Kempenlaan", "Grote Markt", "Markt", "Zandstraat", "Beekstraat", "Veldstraat", "Heidestraat", "Bosstraat", "Lindelaan",
        "Kastanjelaan", "Koning Albertstraat", "Leopoldlaan", "Diestseweg", "Lierseweg", "Turnhoutsebaan", "Antwerpsesteenweg", "Gentsesteenweg",
        "Brugsesteenweg", "Ambachtsweg", "Ringlaan", "Hoogstraat", "Kouter", "Vaartstraat", "Kanaalstraat", "Sint-Jansstraat", "Hofstraat",
        "Schaliënhoevedreef", "Zuiderlaan", "Noorderlaan", "Processieweg", "Pastoriestraat", "Ter Heide", "Bevelsesteenweg", "Zandvoortstraat",
    ];

    public static readonly string[] CompanyStarts =
    [
        "Kempen", "Nete", "Schelde", "Demer", "Leie", "Dijle", "Zenne", "Rupel", "Heide", "Polder", "Vlaskouter", "Beiaard", "Kastanje",
        "IJzer", "Mergel", "Brouwers", "Linde", "Koren", "Hoppe", "Durme", "Dender", "Kanaal", "Haven", "Duinen", "Hageland", "Maasland",
        "Waasland", "Meetjesland", "Pajot", "Noorder", "Zuider", "Ooster", "Wester", "Eik", "Beuk", "Wilg", "Berk", "Zilver", "Goud", "Koper",
    ];

    public static readonly string[] CompanyEnds =
    [
        "Logistiek", "Bouw", "Zorggroep", "Metaalwerken", "Voeding", "Print", "Transport", "Installaties", "Tuinbouw", "Verpakkingen",
        "Advocaten", "Accountants", "Textiel", "Automatisatie", "Kunststoffen", "Techniek", "Elektro", "Houtbewerking", "Schrijnwerkerij",
        "Bakkerijen", "Brouwerij", "Vastgoed", "Verzekeringen", "Architecten", "Ingenieurs", "Medisch Centrum", "Scholengroep", "Distributie",
    ];

    public static readonly string[] LegalForms = ["bv", "nv", "cv", "bv", "nv", "vzw"];

    public static readonly string[] Sectors =
    [
        "Logistiek", "Bouw", "Zorg", "Metaal", "Voeding", "Grafische sector", "Transport", "Installatie", "Land- en tuinbouw", "Verpakking",
        "Juridisch", "Boekhouding", "Textiel", "Industrie", "Chemie", "Onderwijs", "Vastgoed", "Verzekeringen",
    ];

    public static readonly string[] ProspectJobTitles =
    [
        "IT-manager", "CIO", "Systeembeheerder", "Netwerkbeheerder", "IT-coördinator", "Hoofd ICT", "Security officer", "Applicatiebeheerder",
        "ICT-verantwoordelijke", "Infrastructure lead", "CTO", "Zaakvoerder", "Operations manager", "Facility manager",
    ];

    public static readonly string[] PartnerFunctions =
    [
        "Zaakvoerder", "Office manager", "Boekhouder", "Aankoper", "Projectleider", "Technisch directeur", "HR-verantwoordelijke",
        "Accountmanager", "Planner", "Dispatcher", "Consultant", "Recruiter",
    ];

    public static readonly string[] CallReports =
    [
        "Interesse in beheerde back-up; offerte gevraagd tegen eind van de maand.",
        "Huidige leverancier tevreden, contract loopt nog een jaar. Volgend jaar opnieuw bellen.",
        "Wil een demo van onze monitoring voor de servers.",
        "Geen budget dit kwartaal. Terugbellen na de zomer.",
        "Doorverbonden met de aankoopdienst; zij beslissen over hardware.",
        "Vraag naar Microsoft 365-migratie voor 40 gebruikers.",
        "Afspraak gemaakt voor een kennismaking op kantoor.",
        "Heeft onze mail ontvangen, leest de brochure nog na.",
        "Wifi op de nieuwe site is een probleem; technieker langs laten gaan.",
        "Firewall-contract loopt af in het voorjaar.",
        "Geen interesse, werkt met een interne IT-dienst.",
        "Stuurt de vraag door naar de zaakvoerder.",
    ];

    public static readonly string[] VacancyTitles =
    [
        "Systeembeheerder Windows/Linux", "Servicedesk-medewerker", "Netwerktechnieker", "Projectleider ICT", "Cloud engineer",
        "Security analist", "Accountmanager ICT", "Technisch consultant", "Junior developer", "Administratief medewerker",
    ];

    public static readonly string[] Departments = ["Managed services", "Support", "Projecten", "Sales", "Administratie", "Security"];

    public static readonly string[] MailProviders = ["telenet.example", "proximus.example", "skynet.example", "gmail.example", "outlook.example"];
}
