using Bogus;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// People's names with the long tail of real Flemish surnames. Bogus' nl_BE locale knows 199 first names
/// but only 32 surnames, which would make every name search return thousands of people; here a common head
/// (weighted like a real population, "Peeters" about 1%) is followed by composed names ("Van den Broeck",
/// "Verhaeghe", "De Smet", "Lenaerts") with their spelling variants: a few thousand surnames in all. One person in ten has a
/// French name (Bogus fr), as in Brussels and along the language border.
/// </summary>
internal sealed class PersonNames
{
    private static readonly string[] Common =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Hermans", "Aerts", "Pauwels",
        "Michiels", "Desmet", "Van Damme", "Martens", "De Clercq", "Verstraete", "Van den Broeck", "De Vos", "Cools", "Stevens", "Smets", "Vermeulen",
        "De Backer", "Wuyts", "Lemmens", "Coppens", "Hendrickx", "Verhoeven", "Verbeke", "Van de Velde", "Geerts", "Segers", "Declercq", "Van Dyck",
        "Bogaerts", "Claessens", "Vandenberghe", "De Meyer", "Van Hoof", "Thys", "Verbruggen", "Vermeersch", "Gielen", "Dewilde", "Vos", "Luyten",
        "Verlinden", "Verschueren", "Vervoort", "Verheyen", "Van Acker", "Dierckx", "Cuypers", "Bosmans", "Jansen", "Engelen", "Nijs", "Van Gorp",
        "Verhaeghe", "Lambrechts", "Van Looy", "Baert", "Sels", "Schepers", "Heylen", "Leysen", "Mariën", "Vangeel", "Vanhoutte", "Van Hecke",
    ];

    private static readonly string[] Prefixes = ["Van ", "Van de ", "Van den ", "Van der ", "Vande", "Vanden", "Vander", "Ver", "De ", "Van "];

    private static readonly string[] PlaceStems =
    [
        "Acker", "Bossche", "Broeck", "Velde", "Putte", "Steen", "Berghe", "Hoeck", "Poel", "Kerckhove", "Damme", "Meersch", "Linden", "Eynde",
        "Hove", "Straeten", "Bogaert", "Wijngaerde", "Cauwenberghe", "Looy", "Brande", "Walle", "Heyden", "Haute", "Leemput", "Dyck", "Camp",
        "Driessche", "Loock", "Rompaey", "Goethem", "Hecke", "Daele", "Cappelle", "Schoor", "Laere", "Wouwe", "Moortel", "Gucht", "Sande",
        "Voorde", "Vyvere", "Biesen", "Hulle", "Bulck", "Houtte", "Gaver", "Neste", "Landeghem", "Hoof", "Parys", "Roey", "Mierlo", "Dooren",
        "Kerkhoven", "Bruaene", "Cauteren", "Haegen", "Meulen", "Steene", "Weyer", "Aken", "Oosten", "Hauwe", "Nuffel", "Elst", "Reeth",
        "Ranst", "Gestel", "Tricht", "Lier", "Mechel", "Thielen", "Baelen", "Zande", "Schuere", "Plancke", "Eeckhout", "Hulst", "Rijn",
    ];

    /// <summary>Trades and traits, with or without "De" (De Smet, Smet).</summary>
    private static readonly string[] Trades =
    [
        "Smet", "Backer", "Bruyne", "Coninck", "Wever", "Cuyper", "Kimpe", "Meyer", "Swaef", "Keyser", "Schepper", "Wolf", "Witte", "Graeve",
        "Boeck", "Clercq", "Roeck", "Ridder", "Baets", "Bock", "Bruyn", "Caluwe", "Cock", "Coster", "Craene", "Decker", "Geyter", "Groote",
        "Haene", "Herdt", "Jonghe", "Keukeleire", "Laet", "Lange", "Maeyer", "Meester", "Moor", "Muynck", "Pauw", "Pril", "Rycke", "Schryver",
        "Snoeck", "Staercke", "Temmerman", "Vleeschauwer", "Waele", "Wilde", "Winter", "Zutter", "Brouwer", "Molenaer", "Visscher", "Timmerman",
    ];

    /// <summary>Names after a father's first name, never with "De".</summary>
    private static readonly string[] Patronymics =
    [
        "Aerts", "Baeten", "Claessens", "Cuppens", "Dierickx", "Geudens", "Heylen", "Hoogmartens", "Kenis", "Leemans", "Loots", "Nuyts",
        "Proost", "Roels", "Schoofs", "Sterckx", "Thijs", "Truyen", "Vaes", "Wellens", "Wyns", "Meeus", "Huysmans", "Geens", "Mathijs", "Ooms",
        "Raes", "Goris", "Vissers", "Adriaensens", "Bertels", "Cornelis", "Daems", "Everaerts", "Francken", "Gijsels", "Hendrickx", "Joris",
        "Lauwers", "Lenaerts", "Michielsen", "Nelissen", "Philips", "Reynders", "Servaes", "Theunis", "Verhaegen", "Wouters", "Gillis", "Dockx",
    ];

    private readonly Randomizer _random;
    private readonly Faker _flemish;
    private readonly Faker _french;
    private readonly double[] _commonCumulative;

    public PersonNames(Randomizer random)
    {
        _random = random;
        _flemish = new Faker("nl_BE") { Random = random };
        _french = new Faker("fr") { Random = random };

        // Zipf-like weights: the first name of the list is the most common, as "Peeters" is in Flanders.
        var weights = Common.Select((_, rank) => 1 / Math.Pow(rank + 1, 0.7)).ToArray();
        var sum = weights.Sum();
        _commonCumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / sum;
            _commonCumulative[i] = running;
        }
    }

    public (string First, string Last) Next()
    {
        if (_random.Bool(0.1f))
        {
            return (_french.Name.FirstName(), _french.Name.LastName());
        }

        var first = _flemish.Name.FirstName();
        var pick = _random.Double();
        var last = pick switch
        {
            < 0.12 => CommonName(),
            < 0.17 => _flemish.Name.LastName(),
            < 0.6 => Compose(_random.ArrayElement(Prefixes), Vary(_random.ArrayElement(PlaceStems))),
            < 0.8 => Compose(_random.Bool(0.5f) ? "De " : "", Vary(_random.ArrayElement(Trades))),
            _ => Vary(_random.ArrayElement(Patronymics)),
        };
        return (first, last);
    }

    private string CommonName()
    {
        var index = Array.BinarySearch(_commonCumulative, _random.Double());
        return Common[Math.Min(Common.Length - 1, index >= 0 ? index : ~index)];
    }

    /// <summary>"Vanden" + "Broeck" → "Vandenbroeck"; "Van den " + "Broeck" → "Van den Broeck".</summary>
    private static string Compose(string prefix, string stem) =>
        prefix.Length == 0 || prefix.EndsWith(' ') ? prefix + stem : prefix + stem.ToLowerInvariant();

    /// <summary>The spelling variants Flemish surnames really have: Broeck/Broek, Daele/Dale, Looy/Looij, Velde/Velden.</summary>
    private string Vary(string stem)
    {
        var name = stem;
        if (_random.Bool(0.3f))
        {
            name = name.Contains("ck", StringComparison.Ordinal) ? name.Replace("ck", "k", StringComparison.Ordinal) : name.Replace("k", "ck", StringComparison.Ordinal);
        }

        if (_random.Bool(0.25f))
        {
            name = name.Contains("ae", StringComparison.Ordinal) ? name.Replace("ae", "a", StringComparison.Ordinal) : name.Replace("y", "ij", StringComparison.Ordinal);
        }

        if (_random.Bool(0.25f) && !name.EndsWith('s') && !name.EndsWith('x'))
        {
            name = name.EndsWith('e') ? name + "n" : name + "e";
        }

        return name;
    }
}
