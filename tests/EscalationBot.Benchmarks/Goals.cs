namespace EscalationBot.Benchmarks;

/// <summary>One line per issue 13 goal: its target, what this run measured, and whether that meets it.</summary>
internal static class Goals
{
    public static void Print(int number, string target, string measured, bool met) =>
        Console.WriteLine($"goal {number}: {target} | measured: {measured} | met: {(met ? "yes" : "NO")}");
}
