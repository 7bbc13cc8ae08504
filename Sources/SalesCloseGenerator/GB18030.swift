import Glibc

/// Conversion of UTF-8 bytes to GB18030, the encoding Excel uses for Chinese CSV files, via iconv.
enum GB18030 {
    static func encode(utf8 input: [UInt8]) throws -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw CSVByteWriter.WriteError(description: "iconv cannot convert UTF-8 to GB18030")
        }
        defer { iconv_close(converter) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                var sourcePointer = UnsafeMutableRawPointer(sourceBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var sourceLeft = sourceBuffer.count
                var outputPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outputLeft = outputBuffer.count
                let result = iconv(converter, &sourcePointer, &sourceLeft, &outputPointer, &outputLeft)
                return result == -1 || sourceLeft != 0 ? -1 : outputBuffer.count - outputLeft
            }
        }
        guard produced >= 0 else {
            throw CSVByteWriter.WriteError(description: "iconv failed to convert text to GB18030")
        }
        return Array(output[0..<produced])
    }
}
