using System.IO.Compression;
using Cisa.Crm.Core.Common;

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

    /// <summary>The field a refused CV is reported on, so a form shows the message at its CV field.</summary>
    public const string Field = "Cv";

    public static string CheckContent(string fileName, byte[] content)
    {
        var v = new Validator();
        var contentType = Check(fileName, content, v);
        v.ThrowIfInvalid();
        return contentType!;
    }

    /// <summary>
    /// The content type of an acceptable CV, or null with the reason added to <paramref name="v"/> on <see cref="Field"/>
    /// (so a form that also has other errors reports them all at once).
    /// </summary>
    public static string? Check(string fileName, byte[] content, Validator v)
    {
        if (content.Length == 0)
        {
            v.Add(Field, "CvEmpty");
            return null;
        }

        if (content.Length > ApplicantCv.MaxBytes)
        {
            v.Add(Field, "CvTooLarge", ApplicantCv.MaxBytes / 1024 / 1024);
            return null;
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

        v.Add(Field, "CvType");
        return null;
    }

    /// <summary>The name kept with the CV: without any folder, at most 200 characters (the end, where the extension is).</summary>
    public static string SafeName(string fileName)
    {
        // A Windows path is cut at its backslashes too, whatever the server's own separator.
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.Length > 200 ? name[^200..] : name;
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
}
