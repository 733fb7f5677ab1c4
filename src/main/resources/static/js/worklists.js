// A basket's candidate accounts: select all and the count of those picked.
(function () {
  const all = document.getElementById('select-all');
  const picks = () => Array.from(document.querySelectorAll('#candidates .pick'));
  const count = () => document.getElementById('picked').textContent = picks().filter(p => p.checked).length + ' selected';
  if (all) all.addEventListener('change', () => { picks().forEach(p => p.checked = all.checked); count(); });
  picks().forEach(p => p.addEventListener('change', count));
})();
