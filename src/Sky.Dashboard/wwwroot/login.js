// The login form works without script; this only says why the last try was refused.
if (new URLSearchParams(location.search).has('refused')) {
  document.getElementById('refused').hidden = false;
}
