namespace OrgRestructure.Messaging.Email;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "orgrestructure@localhost";

    public string FromName { get; set; } = "OrgRestructure";

    /// <summary>Attempts per e-mail before it is left as failed (visible in the outbox table).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
