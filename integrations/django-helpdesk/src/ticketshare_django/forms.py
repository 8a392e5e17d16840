"""The agent's share form: what the engine's ``share.create`` takes (the engine checks it)."""

from django import forms


class ShareForm(forms.Form):
    """Share this ticket with an external collaborator."""

    recipient = forms.CharField(label="Collaborator's email address", max_length=320)
    subject = forms.CharField(max_length=200)
    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    include_customer_details = forms.BooleanField(
        required=False, label="Include customer details (name and orders, never contact details)")
