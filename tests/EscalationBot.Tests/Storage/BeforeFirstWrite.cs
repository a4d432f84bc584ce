using Azure.Core;
using Azure.Core.Pipeline;

namespace EscalationBot.Tests.Storage;

/// <summary>Runs <paramref name="change"/> once, before the first request that is not a read goes out.</summary>
internal sealed class BeforeFirstWrite(Func<Task> change) : HttpPipelinePolicy
{
    private int done;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method != RequestMethod.Get && Interlocked.Exchange(ref done, 1) == 0)
        {
            await change();
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException();
}
