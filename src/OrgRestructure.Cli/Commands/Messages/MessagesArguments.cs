using System.CommandLine;
using OrgRestructure.Messaging;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Options shared by "messages errors" and "messages retry".</summary>
internal static class MessagesArguments
{
    public static Option<string[]> Queue() => new("--queue")
    {
        Description = "Queue to inspect (NAME or NAME_error; may be repeated); default: every consumer queue",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The _error queues named, or every consumer queue's.</summary>
    public static IReadOnlyList<string> ErrorQueues(string[]? named) =>
        named is { Length: > 0 }
            ? named.Select(q => q.EndsWith("_error", StringComparison.Ordinal) ? q : q + "_error").ToList()
            : new MessagingOptions().ConsumerQueues.Select(q => q + "_error").ToList();

    public static Uri? RabbitMq(CliContext context)
    {
        if (context.Settings.RabbitMqUri is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return parsed;
        }

        context.Error.WriteLine("Chưa cấu hình RabbitMQ (ConnectionStrings__RabbitMq); bus trong bộ nhớ không có hàng đợi lỗi. / RabbitMQ is not configured (ConnectionStrings__RabbitMq); the in-memory bus keeps no error queues.");
        return null;
    }
}
