import Foundation

/// salesclose-gen: deterministic generator of realistic SalesClose input files.
let usage = """
    usage: salesclose-gen <command> [options]

    commands:
      sample   a realistic input folder: overlapping monthly exports, a Chinese web-shop export
               (UTF-8 with BOM), GB18030 payments, deliberately bad rows; optionally targets.csv
      bench    large English exports for throughput benchmarks

    Run 'salesclose-gen <command> --help' for the options of a command.
    """

func fail(_ message: String, exitCode: Int32) -> Never {
    FileHandle.standardError.write("salesclose-gen: \(message)\n".data(using: .utf8)!)
    exit(exitCode)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("missing command\n\n" + usage, exitCode: 2) }
do {
    switch arguments[1] {
    case "sample":
        let options = try CommandLineOptions(arguments.dropFirst(2), allowed: ["out", "config-out", "seed"])
        if options.wantsHelp { print(SampleCommand.usage) } else { try SampleCommand.run(options) }
    case "bench":
        let options = try CommandLineOptions(arguments.dropFirst(2), allowed: ["order-lines", "out", "seed"])
        if options.wantsHelp { print(BenchCommand.usage) } else { try BenchCommand.run(options) }
    case "--help", "-h", "help":
        print(usage)
    default:
        fail("unknown command '\(arguments[1])'\n\n" + usage, exitCode: 2)
    }
} catch let error as CommandLineOptions.UsageError {
    fail(error.description, exitCode: 2)
} catch {
    fail("\(error)", exitCode: 1)
}
