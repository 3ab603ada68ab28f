using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/CtiBridge.Benchmarks -- --filter '*'` runs the
// BenchmarkDotNet suites; `-- load <name>` runs one of the bounded load harnesses
// (classes implementing ILoadHarness). Figures go to docs/benchmarks.md.
if (args is ["load", var name, ..])
{
    var harness = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(CtiBridge.Benchmarks.ILoadHarness).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (CtiBridge.Benchmarks.ILoadHarness)Activator.CreateInstance(t)!)
        .FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
    if (harness is null) { Console.Error.WriteLine($"unknown load harness '{name}'"); return 2; }
    await harness.RunAsync(args.Skip(2).ToArray());
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

namespace CtiBridge.Benchmarks
{
    /// <summary>A bounded load run that prints its own medians and percentiles.</summary>
    public interface ILoadHarness
    {
        string Name { get; }
        Task RunAsync(string[] args);
    }
}
