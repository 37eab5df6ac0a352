using System.Text;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>CVs: checked by content, at most 10 MB, encrypted at rest, every upload and download audited (LOG-ACTIONS).</summary>
public sealed class ApplicantCvTests() : ApplicantTestBase(withApplicant: true)
{
    [Fact]
    public async Task CAT_APPLICANT_a_real_pdf_is_accepted_and_comes_back_unchanged()
    {
        var pdf = ApplicantData.Pdf();
        Assert.Equal("%PDF-1.4", Encoding.ASCII.GetString(pdf, 0, 8));

        await Applicants.UploadCvAsync(ApplicantId, "Jan Janssens CV.pdf", pdf);
        var download = await Applicants.DownloadCvAsync(ApplicantId);

        Assert.Equal(pdf, download.Content);
        Assert.Equal("Jan Janssens CV.pdf", download.FileName);
        Assert.Equal(CvFile.Pdf, download.ContentType);
        var info = (await Applicants.GetAsync(ApplicantId)).Cv;
        Assert.NotNull(info);
        Assert.Equal(pdf.Length, info.SizeBytes);
        Assert.Equal("Hanne", info.UploadedByName);
    }

    [Fact]
    public async Task CAT_APPLICANT_a_minimal_docx_is_accepted_and_comes_back_unchanged()
    {
        var docx = ApplicantData.Docx();

        await Applicants.UploadCvAsync(ApplicantId, "cv.DOCX", docx);
        var download = await Applicants.DownloadCvAsync(ApplicantId);

        Assert.Equal(docx, download.Content);
        Assert.Equal(CvFile.Docx, download.ContentType);
    }

    [Fact]
    public async Task CAT_APPLICANT_a_new_upload_replaces_the_earlier_cv()
    {
        await Applicants.UploadCvAsync(ApplicantId, "old.pdf", ApplicantData.Pdf("OLD"));
        await Applicants.UploadCvAsync(ApplicantId, "new.docx", ApplicantData.Docx("NEW"));

        var download = await Applicants.DownloadCvAsync(ApplicantId);
        Assert.Equal("new.docx", download.FileName);
        Assert.Equal(1, await Data.CountAsync<ApplicantCv>());
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "cv.pdf", "not a pdf", "CvType" },
        { "cv.exe", "exe", "CvType" },
        { "cv.pdf", "empty", "CvEmpty" },
        { "cv.pdf", "too large", "CvTooLarge" },
        { "cv.docx", "pdf named docx", "CvType" },
        { "cv.docx", "zip without word", "CvType" },
        { "cv.pdf", "docx named pdf", "CvType" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "not a pdf" => Encoding.UTF8.GetBytes("MZ this is really a program, whatever its name says"),
        "exe" => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        "empty" => [],
        "too large" => TooLarge(),
        "pdf named docx" => ApplicantData.Pdf(),
        "zip without word" => ZipWithoutWord(),
        "docx named pdf" => ApplicantData.Docx(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] TooLarge()
    {
        var bytes = new byte[ApplicantCv.MaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] ZipWithoutWord()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("<Types/>");
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CAT_APPLICANT_a_cv_that_is_not_a_pdf_or_docx_or_is_empty_or_too_large_is_refused_and_nothing_is_stored(string fileName, string kind, string code)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Applicants.UploadCvAsync(ApplicantId, fileName, Content(kind)));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("Cv", error.Field);
        Assert.Equal(code, error.Code);
        Assert.Equal(0, await Data.CountAsync<ApplicantCv>());
        Assert.Null((await Applicants.GetAsync(ApplicantId)).Cv);
        Assert.Empty(await Data.AuditAsync("Cv.Uploaded"));
    }

    [Fact]
    public async Task CAT_APPLICANT_a_refused_upload_leaves_the_earlier_cv_in_place()
    {
        var pdf = ApplicantData.Pdf();
        await Applicants.UploadCvAsync(ApplicantId, "cv.pdf", pdf);

        await Assert.ThrowsAsync<CrmValidationException>(() => Applicants.UploadCvAsync(ApplicantId, "virus.exe", Content("exe")));

        Assert.Equal(pdf, (await Applicants.DownloadCvAsync(ApplicantId)).Content);
        Assert.Single(await Data.AuditAsync("Cv.Uploaded"));
    }

    [Fact]
    public async Task CAT_APPLICANT_a_cv_of_exactly_10_MB_is_accepted()
    {
        var bytes = new byte[ApplicantCv.MaxBytes];
        "%PDF-1.4\n"u8.CopyTo(bytes);

        await Applicants.UploadCvAsync(ApplicantId, "big.pdf", bytes);

        Assert.Equal(ApplicantCv.MaxBytes, (await Applicants.GetAsync(ApplicantId)).Cv!.SizeBytes);
    }

    [Fact]
    public async Task CAT_APPLICANT_the_cv_is_stored_encrypted_at_rest()
    {
        var pdf = ApplicantData.Pdf();
        await Applicants.UploadCvAsync(ApplicantId, "cv.pdf", pdf);

        var stored = await Data.StoredCvAsync(ApplicantId);

        Assert.NotNull(stored);
        Assert.NotEqual(pdf, stored.ProtectedContent);
        Assert.Equal(-1, stored.ProtectedContent.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ApplicantData.CvMarker)));
        Assert.Equal(-1, stored.ProtectedContent.AsSpan().IndexOf("%PDF"u8));
        foreach (var file in new[] { Db.FilePath, Db.FilePath + "-wal" }.Where(File.Exists))
        {
            Assert.False(File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.ASCII.GetBytes(ApplicantData.CvMarker)) >= 0,
                $"the CV text is readable in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public async Task CAT_APPLICANT_a_cv_cannot_be_uploaded_for_an_unknown_applicant()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Applicants.UploadCvAsync(ApplicantId + 100, "cv.pdf", ApplicantData.Pdf()));

        Assert.Equal(0, await Data.CountAsync<ApplicantCv>());
    }

    [Fact]
    public async Task LOG_ACTIONS_the_upload_and_every_download_are_audited_without_file_name_or_content()
    {
        await Applicants.UploadCvAsync(ApplicantId, "Jan Janssens CV.pdf", ApplicantData.Pdf());
        await Applicants.DownloadCvAsync(ApplicantId);
        await Applicants.DownloadCvAsync(ApplicantId);

        var upload = Assert.Single(await Data.AuditAsync("Cv.Uploaded"));
        var downloads = await Data.AuditAsync("Cv.Downloaded");
        Assert.Equal(2, downloads.Count);
        foreach (var entry in downloads.Prepend(upload))
        {
            Assert.Equal("hr-1", entry.ActorId);
            Assert.Equal(ApplicantId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
            var details = entry.Details ?? "";
            Assert.DoesNotContain("Janssens", details, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(".pdf", details, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ApplicantData.CvMarker, details, StringComparison.Ordinal);
            Assert.DoesNotContain("%PDF", details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LOG_ACTIONS_a_download_by_the_privacy_officer_is_audited_under_their_name()
    {
        await Applicants.UploadCvAsync(ApplicantId, "cv.pdf", ApplicantData.Pdf());
        ActAs(SalesPeople.PrivacyOfficer);

        await Applicants.DownloadCvAsync(ApplicantId);

        Assert.Equal("privacy-1", Assert.Single(await Data.AuditAsync("Cv.Downloaded")).ActorId);
    }
}
