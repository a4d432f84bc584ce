using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Put before every table name, so several deployments (or test runs) can share one account.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    public string TablePrefix { get; set; } = "Escalation";

    /// <summary>
    /// How long one request to Table Storage may go unanswered. A hung service is not asked again within the same
    /// turn (errors that come back fast are retried twice), so this bounds how long a chat turn waits in an outage.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:00:30")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How many case numbers an instance reserves at a time: one write to the shared counter per block instead of per
    /// case. A crash loses the rest of a block (a gap in the numbers); across instances numbers are roughly in order.
    /// </summary>
    [Range(1, 1000)]
    public int CaseNumberBlock { get; set; } = CaseNumbers.DefaultBlock;
}
