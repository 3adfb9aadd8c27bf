using System.CommandLine;
using OrgRestructure.Messaging.ErrorQueues;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Lists the poison messages waiting in the _error queues.</summary>
internal sealed class MessagesErrorsCommand : ICliCommand
{
    public string Name => "messages errors";

    public Command Create(CliContext context)
    {
        var queue = MessagesArguments.Queue();
        var max = CliOptions.Integer("--max", 50, 1, int.MaxValue, "At most N messages per queue");
        var command = new Command("errors", """
            List messages that failed all retries (RabbitMQ _error queues)

            Needs ConnectionStrings__RabbitMq. Messages stay in the queue. Exit 0 when none, 1 when some wait.
            """) { queue, max };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, MessagesArguments.ErrorQueues(parsed.GetValue(queue)), parsed.GetValue(max), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> queues, int max, CancellationToken cancellationToken)
    {
        if (MessagesArguments.RabbitMq(context) is not { } uri)
        {
            return CliApp.BadInput;
        }

        var client = new ErrorQueueClient(uri);
        var total = 0;
        foreach (var queue in queues)
        {
            var messages = await client.ListAsync(queue, max, cancellationToken);
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
