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
