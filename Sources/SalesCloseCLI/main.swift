import ArgumentParser
import Foundation
import SalesClosePipeline

// Exit codes per SPEC: 0 success, 1 data errors under --strict or a failed run, 2 usage or config error.
LargeAllocations.reuseFreedMemory()
do {
    var command = try SalesCloseCommand.parseAsRoot()
    try command.run()
} catch let error as PipelineError {
    logToStderr(error.description)
    exit(error.exitCode)
} catch {
    let code = SalesCloseCommand.exitCode(for: error)
    if code == .success { SalesCloseCommand.exit(withError: error) }   // --help, --version
    logToStderr(SalesCloseCommand.fullMessage(for: error))
    exit(2)
}
