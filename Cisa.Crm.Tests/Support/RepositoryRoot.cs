namespace Cisa.Crm.Tests.Support;

/// <summary>The folder holding <c>CisaCrm.sln</c>, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CisaCrm.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CisaCrm.sln not found above " + AppContext.BaseDirectory);
    }
}
