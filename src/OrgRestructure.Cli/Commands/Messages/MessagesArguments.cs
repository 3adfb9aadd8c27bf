using OrgRestructure.Messaging;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Options shared by "messages errors" and "messages retry".</summary>
internal sealed record MessagesArguments(IReadOnlyList<string> ErrorQueues, string? MessageId, bool All, int Max)
{
    public static MessagesArguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var queues = new List<string>();
        string? id = null;
        var all = false;
        var max = 50;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--queue" when i + 1 < args.Count:
                    var q = args[++i];
                    queues.Add(q.EndsWith("_error", StringComparison.Ordinal) ? q : q + "_error");
                    break;
                case "--id" when i + 1 < args.Count:
                    id = args[++i];
                    break;
                case "--all":
                    all = true;
                    break;
                case "--max" when i + 1 < args.Count && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0:
                    max = n;
                    i++;
                    break;
                default:
                    error.WriteLine($"Tham số không hợp lệ: '{args[i]}' / Invalid argument: '{args[i]}'");
                    return null;
            }
        }

        if (queues.Count == 0)
        {
            queues.AddRange(new MessagingOptions().ConsumerQueues.Select(q => q + "_error"));
        }

        return new MessagesArguments(queues, id, all, max);
    }

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
