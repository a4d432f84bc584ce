namespace EscalationBot.Benchmarks;

/// <summary>
/// One line per goal: its target, what this run measured, and whether that meets it. Issue 13's goals are numbered
/// 1 to 8 (<c>goal 3: ...</c>); another issue's are named by its part (<c>goal insight 1: ...</c>).
/// </summary>
internal static class Goals
{
    public static void Print(int number, string target, string measured, bool met) =>
        Print($"{number}", target, measured, met);

    public static void Print(string goal, string target, string measured, bool met) =>
        Console.WriteLine($"goal {goal}: {target} | measured: {measured} | met: {(met ? "yes" : "NO")}");
}
