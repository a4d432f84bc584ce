using System.ComponentModel.DataAnnotations;

namespace EscalationBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Put before every table name, so several deployments (or test runs) can share one account.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    public string TablePrefix { get; set; } = "Escalation";
}
