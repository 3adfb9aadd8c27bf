using OrgRestructure.Messaging.ErrorQueues;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Lists the poison messages waiting in the _error queues.</summary>
internal sealed class MessagesErrorsCommand : ICliCommand
{
    public string Name => "messages errors";

    public string Summary => "List messages that failed all retries (RabbitMQ _error queues)";

    public string Usage => """
        Usage: orgrestructure messages errors [--queue NAME]... [--max N]
          --queue NAME   queue to inspect (NAME or NAME_error); default: orgrestructure-notifications
          --max N        at most N messages per queue (default 50)
        Needs ConnectionStrings__RabbitMq. Messages stay in the queue. Exit 0 when none, 1 when some wait.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = MessagesArguments.Parse(args, context.Error);
        var uri = options is null ? null : MessagesArguments.RabbitMq(context);
        if (options is null || uri is null)
        {
            return 2;
        }

        var client = new ErrorQueueClient(uri);
        var total = 0;
        foreach (var queue in options.ErrorQueues)
        {
            var messages = await client.ListAsync(queue, options.Max, cancellationToken);
            total += messages.Count;
            await context.Output.WriteLineAsync($"{queue}: {messages.Count} message(s)");
            foreach (var m in messages)
            {
                await context.Output.WriteLineAsync($"  {m.MessageId}  {m.MessageType}  {m.FaultedAt}");
                await context.Output.WriteLineAsync($"    {m.ExceptionType}: {m.ExceptionMessage}");
            }
        }

        return total == 0 ? 0 : 1;
    }
}
