namespace OrgRestructure.Messaging.Email;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>TLS: on connect for port 465, else STARTTLS (refused if the server does not offer it).</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "orgrestructure@localhost";

    public string FromName { get; set; } = "OrgRestructure";

    /// <summary>Attempts per e-mail before it is left as failed (visible in the outbox table).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bound on each SMTP step (connect, login, send), so a silent server cannot hold the dispatcher.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
