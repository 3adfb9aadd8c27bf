using OrgRestructure.Messaging.ErrorQueues;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Sends poison messages back to their queue once the cause is fixed.</summary>
internal sealed class MessagesRetryCommand : ICliCommand
{
    public string Name => "messages retry";

    public string Summary => "Move failed messages from an _error queue back to their queue";

    public string Usage => """
        Usage: orgrestructure messages retry (--id MESSAGE_ID | --all) [--queue NAME]...
          --id ID        retry one message (its id as listed by 'messages errors')
          --all          retry every message of the queue(s)
          --queue NAME   default: orgrestructure-notifications
        Consumers are idempotent: a message retried twice still has its effect once.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = MessagesArguments.Parse(args, context.Error);
        if (options is not null && (options.MessageId is null) == !options.All)
        {
            await context.Error.WriteLineAsync("Cần đúng một trong --id hoặc --all. / Give exactly one of --id or --all.");
            return 2;
        }

        var uri = options is null ? null : MessagesArguments.RabbitMq(context);
        if (options is null || uri is null)
        {
            return 2;
        }

        var client = new ErrorQueueClient(uri);
        var moved = 0;
        foreach (var queue in options.ErrorQueues)
        {
            var n = await client.RetryAsync(queue, options.MessageId, cancellationToken);
            moved += n;
            await context.Output.WriteLineAsync($"{queue}: {n} message(s) sent back to {queue[..^ErrorQueueClient.Suffix.Length]}");
        }

        if (options.MessageId is not null && moved == 0)
        {
            await context.Error.WriteLineAsync($"Không tìm thấy thông điệp {options.MessageId}. / Message {options.MessageId} not found.");
            return 1;
        }

        return 0;
    }
}
