using OrgRestructure.Messaging.Notifications;

namespace OrgRestructure.Messaging.Tests.Notifications;

/// <summary>The link an e-mailed notice ends with: the feed's path under the public address, in the reader's language.</summary>
public sealed class NoticeLinkTests
{
    [Theory]
    [InlineData("https://orgrestructure.quangnam.example.vn", "https://orgrestructure.quangnam.example.vn/cases/case%201/tasks/t-7")]
    [InlineData("https://cong.example.vn/orgrestructure/", "https://cong.example.vn/orgrestructure/cases/case%201/tasks/t-7")]
    public void an_email_links_the_task_under_the_public_address_keeping_its_path_prefix(string publicBaseUrl, string link)
    {
        Assert.Equal($"\n\nMở việc: {link}", NoticeLink.EmailLine(new Uri(publicBaseUrl), "case 1", "t-7", "vi"));
        Assert.Equal($"\n\nOpen the task: {link}", NoticeLink.EmailLine(new Uri(publicBaseUrl), "case 1", "t-7", "en"));
    }

    [Fact]
    public void a_notice_about_no_task_links_the_case_and_without_a_public_address_nothing()
    {
        Assert.Equal("\n\nMở hồ sơ: https://orgrestructure.quangnam.example.vn/cases/c-1", NoticeLink.EmailLine(new Uri("https://orgrestructure.quangnam.example.vn/"), "c-1", null, "vi"));
        Assert.Equal(string.Empty, NoticeLink.EmailLine(null, "c-1", "t-7", "vi"));
    }
}
