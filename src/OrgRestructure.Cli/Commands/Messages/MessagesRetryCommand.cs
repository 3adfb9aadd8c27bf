using System.CommandLine;
using OrgRestructure.Messaging.ErrorQueues;

namespace OrgRestructure.Cli.Commands.Messages;

/// <summary>Sends poison messages back to their queue once the cause is fixed.</summary>
internal sealed class MessagesRetryCommand : ICliCommand
{
    public string Name => "messages retry";

    public Command Create(CliContext context)
    {
        var id = new Option<string?>("--id") { Description = "Retry one message (its id as listed by 'messages errors')", HelpName = "MESSAGE_ID" };
        var all = new Option<bool>("--all") { Description = "Retry every message of the queue(s)" };
        var queue = MessagesArguments.Queue();
        var command = new Command("retry", """
            Move failed messages from an _error queue back to their queue

            Give exactly one of --id and --all. Consumers are idempotent: a message retried twice still
            has its effect once.
            """) { id, all, queue };
        command.Validators.Add(result =>
        {
            if (result.GivenValue(id) is null == !result.GetValue(all))
            {
                result.AddError("Cần đúng một trong --id hoặc --all. / Give exactly one of --id or --all.");
            }
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetValue(id), MessagesArguments.ErrorQueues(parsed.GetValue(queue)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? messageId, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        if (MessagesArguments.RabbitMq(context) is not { } uri)
        {
            return CliApp.BadInput;
        }

        var client = new ErrorQueueClient(uri);
        var moved = 0;
        foreach (var queue in queues)
        {
            var n = await client.RetryAsync(queue, messageId, cancellationToken);
            moved += n;
            await context.Output.WriteLineAsync($"{queue}: {n} message(s) sent back to {queue[..^ErrorQueueClient.Suffix.Length]}");
        }

        if (messageId is not null && moved == 0)
        {
            await context.Error.WriteLineAsync($"Không tìm thấy thông điệp {messageId}. / Message {messageId} not found.");
            return 1;
        }

        return 0;
    }
}
