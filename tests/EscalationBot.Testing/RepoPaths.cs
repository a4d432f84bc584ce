namespace EscalationBot.Testing;

/// <summary>Finds the repository from the test binaries, so tests never depend on the working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string NodeBin(string tool) => Path.Combine(Infra, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EscalationBot.sln above {AppContext.BaseDirectory}.");
    }
}
