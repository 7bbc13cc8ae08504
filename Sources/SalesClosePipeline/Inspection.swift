import SalesCloseImport

/// `salesclose inspect FILE…`: the profile of each file and the proposed `[tables.X]` sections.
/// A file that cannot be read is a usage error (exit 2) naming it.
public func inspectionText(_ paths: [String]) throws -> String {
    do { return InspectionReport.render(try paths.map(FileInspection.inspect(path:))) } catch let e as InspectionError {
        throw PipelineError(exitCode: 2, e.message)
    } catch {
        throw PipelineError(exitCode: 2, "error: \(error)")
    }
}
