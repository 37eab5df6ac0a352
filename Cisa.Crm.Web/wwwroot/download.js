// Saves a file the circuit made (e.g. an import's rejected rows) without storing it on the server: the bytes come over
// the circuit as a stream, become a Blob and are saved through a temporary link. A file, not an inline script: the
// content security policy allows scripts from this origin only.
window.crmSaveFile = async function (fileName, contentType, streamReference) {
    const blob = new Blob([await streamReference.arrayBuffer()], { type: contentType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked a moment later: some browsers start reading the Blob only after the click has returned.
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
};
