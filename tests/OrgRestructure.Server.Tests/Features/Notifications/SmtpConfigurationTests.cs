using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Notifications;

public sealed class SmtpConfigurationTests
{
    private const string Board = "duyxuyen.thuongvu@example.test";

    private const string PublicBaseUrl = "https://orgrestructure.quangnam.example.test/";

    private static Task<ServerHost> StartWithSmtpAsync(SmtpTestServer smtp, string? publicBaseUrl = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "thongbao@quangnam.example.test",
            ["DemoUsers:EmailDomain"] = "example.test",
        };
        if (publicBaseUrl is not null)
        {
            settings["Notifications:PublicBaseUrl"] = publicBaseUrl;
        }

        return ServerHost.StartAsync(settings);
    }

    [Fact]
    public async Task server_configured_with_smtp_settings_emails_the_step_1_task_in_vietnamese_to_the_standing_committee()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await StartWithSmtpAsync(smtp);

        await Scenario.ImportAndLaunchPilotAsync(host);

        await Eventually.UntilAsync(
            () => smtp.Messages().Any(m => m.To.Contains(Board, StringComparison.Ordinal)),
            "an e-mail to " + Board);
        var mail = smtp.Messages().First(m => m.To.Contains(Board, StringComparison.Ordinal) && m.Body.Contains(Scenario.District, StringComparison.Ordinal));
        Assert.Contains("Nhiệm vụ mới ở bước 1: Xây dựng tiêu chuẩn, cơ cấu và danh sách nhân sự", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi đồng chí Ban Thường vụ Duy Xuyên,", mail.Body, StringComparison.Ordinal);
        // The case is named by its district and procedure, never by its id.
        Assert.Contains("Duy Xuyên", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("case-", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mở việc:", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_a_public_address_the_email_links_to_the_task_the_feed_links_to()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await StartWithSmtpAsync(smtp, PublicBaseUrl);

        await Scenario.ImportAndLaunchPilotAsync(host);

        await Eventually.UntilAsync(
            () => smtp.Messages().Any(m => m.To.Contains(Board, StringComparison.Ordinal) && m.Subject.Contains("Nhiệm vụ mới ở bước 1", StringComparison.Ordinal)),
            "the step 1 task e-mail to " + Board);
        var mail = smtp.Messages().First(m => m.To.Contains(Board, StringComparison.Ordinal) && m.Subject.Contains("Nhiệm vụ mới ở bước 1", StringComparison.Ordinal));
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var feed = (await board.GetFromJsonAsync<JsonArray>("/api/notifications"))!;
        var line = Regex.Match(mail.Body, @"\r?\nMở việc: https://orgrestructure\.quangnam\.example\.test(/cases/[^/\s]+/tasks/[^/\s]+)\s*$");

        Assert.True(line.Success, mail.Body);
        Assert.Contains(feed, n => n!["subject"]!.GetValue<string>() == mail.Subject && n["link"]!.GetValue<string>() == line.Groups[1].Value);
    }

    [Fact]
    public void a_public_address_that_is_not_an_absolute_web_address_stops_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:PublicBaseUrl"] = "orgrestructure.quangnam",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => OrgRestructureSettings.From(configuration));
        Assert.Contains("Notifications:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_user_who_switched_the_ui_to_english_is_emailed_in_english()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await StartWithSmtpAsync(smtp);
        using (var board = await host.ClientAsync("duyxuyen.thuongvu"))
        {
            await board.GetAsync(new Uri("/lang/en?returnUrl=/notifications", UriKind.Relative));
        }

        await Scenario.ImportAndLaunchPilotAsync(host);

        await Eventually.UntilAsync(
            () => smtp.Messages().Any(m => m.To.Contains(Board, StringComparison.Ordinal) && m.Body.Contains(Scenario.District, StringComparison.Ordinal)),
            "an e-mail about the case to " + Board);
        var mail = smtp.Messages().First(m => m.To.Contains(Board, StringComparison.Ordinal) && m.Body.Contains(Scenario.District, StringComparison.Ordinal));
        Assert.Contains("New task in step 1", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ mới", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task server_without_smtp_host_sends_no_email_and_runs_no_dispatcher()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string> { ["DemoUsers:EmailDomain"] = "example.test" });

        Assert.Null(host.Services.GetRequiredService<OrgRestructureSettings>().Smtp);
        Assert.Null(host.Services.GetService<SmtpEmailSender>());
    }

    [Fact]
    public void smtp_settings_are_read_from_the_smtp_section_with_their_environment_variable_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.quangnam.example.test",
            ["Smtp:Port"] = "587",
            ["Smtp:EnableSsl"] = "true",
            ["Smtp:UserName"] = "orgrestructure",
            ["Smtp:Password"] = "secret",
            ["Smtp:From"] = "thongbao@quangnam.example.test",
            ["Smtp:FromName"] = "Ban Tổ chức Tỉnh ủy",
        }).Build();

        var smtp = OrgRestructureSettings.From(configuration).Smtp;

        Assert.NotNull(smtp);
        Assert.Equal(("mail.quangnam.example.test", 587, true), (smtp.Host, smtp.Port, smtp.EnableSsl));
        Assert.Equal(("orgrestructure", "secret"), (smtp.UserName, smtp.Password));
        Assert.Equal(("thongbao@quangnam.example.test", "Ban Tổ chức Tỉnh ủy"), (smtp.From, smtp.FromName));
    }

    [Fact]
    public void an_smtp_port_that_is_not_a_number_stops_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "25a",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => OrgRestructureSettings.From(configuration));
        Assert.Contains("Smtp:Port", error.Message, StringComparison.Ordinal);
    }
}
