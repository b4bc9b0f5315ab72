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
