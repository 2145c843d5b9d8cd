#!/bin/sh
# Regenerates Sources/RunLogs/Proto/*.pb.swift from event.proto, summary.proto and tensor.proto.
# The generated files are committed: building dlplot needs neither protoc nor the plugin.
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift built from apple/swift-protobuf at the
# version Package.swift names (swift build -c release --product protoc-gen-swift in a checkout of it);
# pass its path as PROTOC_GEN_SWIFT or put it on PATH.
set -eu
cd "$(dirname "$0")/../Sources/RunLogs/Proto"
PLUGIN=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift)}
protoc --plugin=protoc-gen-swift="$PLUGIN" --swift_out=. event.proto summary.proto tensor.proto
echo "wrote $(pwd)/event.pb.swift, summary.pb.swift and tensor.pb.swift"
