using System.Globalization;
using Bogus;
using Cisa.Crm.Benchmarks.Generation;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Prospects.Import;
using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// A prospect CSV as Sales would get it from a fair or a purchased list, in the import's columns:
/// about 94% new people (at known companies by name or enterprise number, or at new companies), 2%
/// invalid rows, 2% already in the CRM, 1% repeated within the file and 1% on the suppression list.
/// Phones are typed the Belgian way ("015 21 43 65"), the import normalises them.
/// </summary>
public static class ProspectImportFile
{
    public static async Task<byte[]> CreateAsync(string connectionString, int rows, int suppressionEntries, int seed = 11)
    {
        var random = new Randomizer(seed);
        var faker = new Faker("nl_BE") { Random = random };
        var (companies, existingEmails) = await ExistingAsync(connectionString, Math.Max(10, rows / 40));
        var numbered = companies.Where(c => c.Number is not null).ToList();
        var lines = new List<string?[]>(rows);
        var validEmails = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var (company, enterpriseNumber) = PickCompany(random, companies, numbered, rows);
            var domain = ContactPoints.Slug(company) + ".example";
            var email = $"{ContactPoints.Slug(first)}.{ContactPoints.Slug(last)}.{i}@{domain}";
            var digits = (200_000 + i % 700_000).ToString("D6", CultureInfo.InvariantCulture);
            var phone = $"0{ContactPoints.ImportZone} {digits[..2]} {digits[2..4]} {digits[4..]}";
            var mobile = random.Bool(0.4f) ? $"0{ContactPoints.ImportMobileRange}8 {digits[..2]} {digits[2..4]} {digits[4..]}" : null;
            var source = random.ArrayElement(["", "", "LinkedIn", "Company website", "Referral"]);
            string? sourceDetail = null;
            var kind = random.Double();
            switch (kind)
            {
                case < 0.02:
                    // Invalid, each in its own way.
                    switch (i % 4)
                    {
                        case 0: email = email[..(email.IndexOf('@', StringComparison.Ordinal) + 1)]; phone = ""; mobile = null; break;
                        case 1: phone = "12 34"; break;
                        case 2: last = ""; break;
                        default: source = "Other"; break;
                    }

                    break;
                case < 0.04 when existingEmails.Count > 0:
                    email = random.ListItem(existingEmails);
                    break;
                case < 0.05 when validEmails.Count > 0:
                    email = random.ListItem(validEmails);
                    break;
                case < 0.06:
                    var n = random.Int(0, suppressionEntries - 1);
                    if (n % 2 == 0)
                    {
                        email = ContactPoints.SuppressedEmail(n);
                    }
                    else
                    {
                        var suppressed = ContactPoints.SuppressedPhone(n)[3..];
                        phone = $"0{suppressed[..2]} {suppressed[2..4]} {suppressed[4..6]} {suppressed[6..]}";
                    }

                    break;
                default:
                    validEmails.Add(email);
                    break;
            }

            lines.Add([first, last, random.ArrayElement(FlemishWords.ProspectJobTitles), company, enterpriseNumber, email, phone, mobile,
                random.WeightedRandom(["nl", "fr", "en"], [0.85f, 0.1f, 0.05f]), source, sourceDetail,
                random.Bool(0.1f) ? "Sprak ons aan op de stand over hun serverpark." : ""]);
        }

        return CrmCsv.Write(ProspectImportService.Columns, lines);
    }

    /// <summary>60% a known company by name, 10% by enterprise number (under another spelling), 30% a new company shared by a few rows.</summary>
    private static (string Name, string? EnterpriseNumber) PickCompany(Randomizer random, List<(string Name, string? Number)> companies,
        List<(string Name, string? Number)> numbered, int rows)
    {
        var pick = random.Double();
        if (pick < 0.6 || companies.Count == 0)
        {
            return (random.ListItem(companies).Name, null);
        }

        if (pick < 0.7 && numbered.Count > 0)
        {
            var company = random.ListItem(numbered);
            return ($"{company.Name} (vestiging)", "BE" + company.Number!.Replace(".", "", StringComparison.Ordinal));
        }

        // About three rows per new company: a fair's list names several people of one firm.
        var number = random.Int(0, Math.Max(1, rows / 10));
        return (string.Create(CultureInfo.InvariantCulture, $"{FlemishWords.CompanyStarts[number % FlemishWords.CompanyStarts.Length]} {FlemishWords.CompanyEnds[number % FlemishWords.CompanyEnds.Length]} {number:D6} bv"), null);
    }

    private static async Task<(List<(string Name, string? Number)> Companies, List<string> Emails)> ExistingAsync(string connectionString, int emails)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var companies = new List<(string, string?)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Name, EnterpriseNumber FROM Companies WHERE Type = 'Prospect' ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                companies.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        var existing = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Email FROM Prospects WHERE Email IS NOT NULL ORDER BY Id LIMIT $n";
            command.Parameters.AddWithValue("$n", emails);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                existing.Add(reader.GetString(0));
            }
        }

        return (companies, existing);
    }
}
