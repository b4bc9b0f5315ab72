// Comfort only: every page works without this file (GOV.UK progressive enhancement).
// Selects submit their filter form on change, so the filters apply without a button press.
document.addEventListener('change', (event) => {
  const target = event.target;
  if (
    target instanceof HTMLSelectElement &&
    target.dataset.autosubmit !== undefined &&
    target.form
  ) {
    target.form.requestSubmit();
  }
});

// Uploads: show the progress of a large file while it is sent, then show the answer page.
// Without JavaScript the form posts as usual.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.upload === undefined) return;
  const bar = form.querySelector('progress.upload-progress');
  if (!bar) return;
  event.preventDefault();
  const request = new XMLHttpRequest();
  request.open('POST', form.action);
  request.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
  });
  request.addEventListener('load', () => {
    document.open();
    document.write(request.responseText);
    document.close();
  });
  bar.hidden = false;
  // The pressed button's name and value are part of the form (対応表を提案 / 確認する / 取り込む).
  request.send(new FormData(form, event.submitter ?? undefined));
});

// The report's PDF takes a few seconds to print: say so in the status line, ignore further
// clicks until it arrives, then hand it over as a download. Without JavaScript (or when the
// answer is not a PDF, e.g. an error page) the link is followed as usual.
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-pdf-status]') : null;
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  if (link.getAttribute('aria-disabled') === 'true') return;
  const status = document.getElementById(link.dataset.pdfStatus);
  link.setAttribute('aria-disabled', 'true');
  if (status) status.textContent = link.dataset.pending;
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (!response.ok || response.headers.get('content-type') !== 'application/pdf') {
      window.location.assign(link.href);
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url;
    save.download = name ? name[1] : '';
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (status) status.textContent = link.dataset.done;
  } catch {
    window.location.assign(link.href);
  } finally {
    link.removeAttribute('aria-disabled');
  }
});
