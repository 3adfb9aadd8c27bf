namespace OrgRestructure.Messaging.Email;

/// <summary>
/// An e-mail the SMTP server did not take. <see cref="Permanent"/> when the server refused it for
/// good (a 5xx answer, a refused login): sending again will not help until the address or the
/// settings change. The message names the server and the reason, for the outbox's last_error.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(Guid emailId, string message, bool permanent, Exception innerException)
        : base(message, innerException)
    {
        EmailId = emailId;
        Permanent = permanent;
    }

    public Guid EmailId { get; }

    public bool Permanent { get; }
}
