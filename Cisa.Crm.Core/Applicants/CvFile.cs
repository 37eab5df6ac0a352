using System.IO.Compression;
using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Core.Applicants;

/// <summary>Encrypts and decrypts CV content; the web host implements it with ASP.NET Core Data Protection.</summary>
public interface ICvProtector
{
    byte[] Protect(byte[] content);

    byte[] Unprotect(byte[] protectedContent);
}

/// <summary>
/// Accepts a CV only when its content is a PDF or a Word (DOCX) document, whatever its name says,
/// and it is not larger than <see cref="ApplicantCv.MaxBytes"/>.
/// </summary>
public static class CvFile
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string CheckContent(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw Invalid("CvEmpty");
        }

        if (content.Length > ApplicantCv.MaxBytes)
        {
            throw Invalid("CvTooLarge", ApplicantCv.MaxBytes / 1024 / 1024);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".pdf" && content.AsSpan().StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (extension == ".docx" && IsWordDocument(content))
        {
            return Docx;
        }

        throw Invalid("CvType");
    }

    /// <summary>A DOCX is a ZIP package holding <c>[Content_Types].xml</c> and <c>word/document.xml</c>.</summary>
    private static bool IsWordDocument(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static CrmValidationException Invalid(string code, params object[] arguments) =>
        new([new FieldError("Cv", code, arguments)]);
}
