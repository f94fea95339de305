"""The phrase bank: figure catalogue, outline, targets, phrases and the sandbox their texts render in."""
