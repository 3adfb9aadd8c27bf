using OrgRestructure.Messaging.Email;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Email;

public sealed class SmtpEmailSenderTests
{
    private static OutgoingEmail Email(string address) =>
        new(Guid.NewGuid(), "duyxuyen.thuongvu", address, "Nhiệm vụ mới ở bước 1: Đề án nhân sự", "Kính gửi đồng chí Ban Thường vụ Duy Xuyên,\nĐề nghị đồng chí xem xét.", 0);

    [Fact]
    public async Task a_vietnamese_email_arrives_at_a_real_smtp_server_with_subject_and_body_intact()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, FromName = "Ban Tổ chức Tỉnh ủy" });

        await sender.SendAsync(Email("thuongvu@duyxuyen.example.test"), CancellationToken.None);

        await Eventually.UntilAsync(() => smtp.Messages().Count == 1, "the e-mail in the mailbox");
        var mail = Assert.Single(smtp.Messages());
        Assert.Contains("thuongvu@duyxuyen.example.test", mail.To, StringComparison.Ordinal);
        Assert.Equal("Nhiệm vụ mới ở bước 1: Đề án nhân sự", mail.Subject);
        Assert.Contains("Kính gửi đồng chí Ban Thường vụ Duy Xuyên,", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_server_that_cannot_be_reached_fails_the_send_with_a_delivery_error_naming_the_server()
    {
        var port = FreeTcpPort.Next();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = port, Timeout = TimeSpan.FromSeconds(5) });
        var email = Email("thuongvu@duyxuyen.example.test");

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(email, CancellationToken.None));

        Assert.Equal(email.Id, error.EmailId);
        Assert.False(error.Permanent);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task starttls_asked_of_a_server_that_does_not_offer_it_fails_for_good_naming_the_server()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = true });

        // STARTTLS asked of a server that does not offer it: a setting to fix, not a passing fault.
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Email("thuongvu@duyxuyen.example.test"), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Contains($"127.0.0.1:{smtp.Port}", error.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task an_address_that_is_no_email_address_fails_for_good_without_reaching_the_server()
    {
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = FreeTcpPort.Next() });

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Email("Ban Thường vụ"), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Contains("Ban Thường vụ", error.Message, StringComparison.Ordinal);
    }
}
